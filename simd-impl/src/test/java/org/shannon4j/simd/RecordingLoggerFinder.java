package org.shannon4j.simd;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link System.LoggerFinder} for this module's tests (registered in META-INF/services): keeps every record
 * of the {@code org.shannon4j} loggers and echoes it to standard error as {@code [recorded] LEVEL name: message},
 * so that a test can check what the library logs, in its own JVM or in a forked one.
 */
public final class RecordingLoggerFinder extends System.LoggerFinder {

    /** What was logged under {@code org.shannon4j}, as "LEVEL: message". */
    static final List<String> RECORDS = new CopyOnWriteArrayList<>();

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new System.Logger() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isLoggable(Level level) {
                return name.startsWith("org.shannon4j");
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                if (isLoggable(level)) {
                    RECORDS.add(level + ": " + msg);
                    System.err.println("[recorded] " + level + " " + name + ": " + msg);
                }
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                log(level, bundle, params == null ? format : MessageFormat.format(format, params), (Throwable) null);
            }

            @Override
            public void log(Level level, Supplier<String> supplier) {
                if (isLoggable(level)) {
                    log(level, null, supplier.get(), (Throwable) null);
                }
            }
        };
    }
}
