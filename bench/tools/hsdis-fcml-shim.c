/*
 * hsdis for JDK 25 from Debian's libhsdis0-fcml, so that JMH's -prof perfasm prints instructions instead of hex.
 *
 * Debian ships an hsdis built on FCML that exports only the old entry point, decode_instructions(start, end, ...);
 * JDK 9+ looks for decode_instructions_virtual(start_va, end_va, buffer, length, ...). HotSpot passes the code
 * cache address as both start_va and buffer, so forwarding the buffer range to the old entry point is exact.
 *
 *   apt-get install -y libhsdis0-fcml linux-perf
 *   gcc -O2 -shared -fPIC -o hsdis-amd64.so bench/tools/hsdis-fcml-shim.c -ldl
 *   cp hsdis-amd64.so "$JAVA_HOME/lib/server/"
 *   bin/shannon4j jmh "DistributionBenchmark.entropy$" -p size=1000000 -p backend=simd -p type=double \
 *       -f 1 -wi 3 -i 2 -w 1s -r 2s -prof "perfasm:events=cpu-clock;top=1;intelSyntax=true"
 *
 * events=cpu-clock because virtual machines like ours expose no hardware cycle counter to perf.
 */
#include <dlfcn.h>
#include <stdint.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);
typedef void *(*old_decode)(void *, void *, event_callback, void *, printf_callback, void *, const char *);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
    static old_decode decode;
    (void) start_va;
    (void) end_va;
    (void) newline;
    if (!decode) {
        void *library = dlopen("libhsdis.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            return 0;
        }
        decode = (old_decode) dlsym(library, "decode_instructions");
        if (!decode) {
            return 0;
        }
    }
    return decode(buffer, buffer + length, event, event_stream, print, print_stream, options);
}
