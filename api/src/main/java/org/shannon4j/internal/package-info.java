/**
 * Plumbing shared by the families of the api module and not part of the public API (the module does not
 * export this package): argument checks with their messages, and one kernel pass over any input kind
 * (array, float array, memory segment; sequential or in chunks).
 */
package org.shannon4j.internal;
