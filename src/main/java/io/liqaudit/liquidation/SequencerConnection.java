package io.liqaudit.liquidation;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sequencer's one connection, on an event loop of its own. A group's transaction runs its
 * continuations (building statements, encoding megabytes of parameters, turning results into
 * standing) on the event loop of its connection; on one of the HTTP server's loops that work
 * would hold up every page and health check that loop serves. On a Vert.x instance of its own
 * (one event loop, one connection: the sequencer never needs two) it shares only the CPU.
 * Same database and credentials as the writers' pool; TLS and other options go in the URL
 * (e.g. {@code ?sslmode=require}).
 */
@ApplicationScoped
@Startup // made at start, on no Vert.x context: lazily, the first request's event loop would make it, which Vert.x warns against
class SequencerConnection {

    private final Vertx vertx;
    private final io.vertx.sqlclient.Pool pool;

    SequencerConnection(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
    }

    Pool pool() {
        return Pool.newInstance(pool);
    }

    @PreDestroy
    void close() {
        pool.close();
        vertx.close();
    }
}
