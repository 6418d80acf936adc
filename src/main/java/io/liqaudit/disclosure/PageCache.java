package io.liqaudit.disclosure;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A micro-cache for public pages: a page made for a scope is served to everyone who asks for the
 * same scope within the time to live, and concurrent askers share the one being made. The pages
 * are the same for every reader and cost sums over the rollups; during a liquidation cascade,
 * when ingest saturates the cores, the public asks for them most. Seconds-old sums are what a
 * disclosure states anyway (each page names the checkpoint it covers). A failed load is not kept.
 * Bounded: beyond {@code maxEntries} scopes, expired ones are dropped, and past that a page is
 * made without being kept, so that query strings cannot grow the heap.
 */
final class PageCache<K, V> {

    private record Entry<V>(Uni<V> value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    PageCache(java.time.Duration ttl, int maxEntries, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The page for {@code key}: kept, being made, or made now by {@code load}. A zero time to live keeps nothing. */
    Uni<V> get(K key, Supplier<Uni<V>> load) {
        if (ttlNanos <= 0) {
            return load.get();
        }
        long now = clock.getAsLong();
        Entry<V> kept = entries.get(key);
        if (kept != null && now - kept.expiresAt < 0) {
            return kept.value;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAt >= 0);
            if (entries.size() >= maxEntries) {
                return load.get();
            }
        }
        Entry<V> fresh = new Entry<>(load.get().memoize().indefinitely(), now + ttlNanos);
        // Whoever stores first wins; the others share its page rather than each making one.
        Entry<V> winner = entries.compute(key, (k, old) -> old != null && now - old.expiresAt < 0 ? old : fresh);
        return winner.value.onFailure().invoke(() -> entries.remove(key, winner));
    }
}
