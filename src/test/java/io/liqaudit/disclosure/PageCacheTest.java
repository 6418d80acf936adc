package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();

    private Uni<String> load(String page) {
        return Uni.createFrom().item(() -> page + "#" + loads.incrementAndGet());
    }

    @Test
    void aPageIsMadeOncePerScopeWithinItsTimeToLiveAndAgainAfter() {
        PageCache<String, String> cache = new PageCache<>(Duration.ofSeconds(1), 100, now::get);
        assertThat(cache.get("a", () -> load("a")).await().indefinitely()).isEqualTo("a#1");
        now.addAndGet(999_999_999);
        assertThat(cache.get("a", () -> load("a")).await().indefinitely()).isEqualTo("a#1");
        assertThat(cache.get("b", () -> load("b")).await().indefinitely()).isEqualTo("b#2");
        now.addAndGet(1);
        assertThat(cache.get("a", () -> load("a")).await().indefinitely()).isEqualTo("a#3");
    }

    @Test
    void askersOfAPageBeingMadeShareIt() {
        PageCache<String, String> cache = new PageCache<>(Duration.ofSeconds(1), 100, now::get);
        Uni<String> first = cache.get("a", () -> load("a"));
        Uni<String> second = cache.get("a", () -> load("a"));
        assertThat(second.await().indefinitely()).isEqualTo("a#1");
        assertThat(first.await().indefinitely()).isEqualTo("a#1");
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void aFailedLoadIsNotKept() {
        PageCache<String, String> cache = new PageCache<>(Duration.ofSeconds(1), 100, now::get);
        assertThatThrownBy(() -> cache.get("a", () -> Uni.createFrom().failure(new IllegalStateException("db down")))
                .await().indefinitely()).hasMessageContaining("db down");
        assertThat(cache.get("a", () -> load("a")).await().indefinitely()).isEqualTo("a#1");
    }

    @Test
    void manyScopesDoNotGrowItPastItsBoundAndZeroKeepsNothing() {
        PageCache<String, String> cache = new PageCache<>(Duration.ofSeconds(1), 2, now::get);
        cache.get("a", () -> load("a")).await().indefinitely();
        cache.get("b", () -> load("b")).await().indefinitely();
        assertThat(cache.get("c", () -> load("c")).await().indefinitely()).isEqualTo("c#3");
        assertThat(cache.get("c", () -> load("c")).await().indefinitely()).as("not kept: the cache is full").isEqualTo("c#4");
        now.addAndGet(2_000_000_000L);
        cache.get("c", () -> load("c")).await().indefinitely();
        assertThat(cache.get("c", () -> load("c")).await().indefinitely()).as("kept once expired ones are dropped")
                .isEqualTo("c#5");
        PageCache<String, String> off = new PageCache<>(Duration.ZERO, 2, now::get);
        off.get("a", () -> load("a")).await().indefinitely();
        assertThat(off.get("a", () -> load("a")).await().indefinitely()).isEqualTo("a#7");
    }
}
