package io.liqaudit.platform;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN while startup work (demo data) has not finished, with how far it got. */
@Readiness
@ApplicationScoped
public class StartupReadiness implements AsyncHealthCheck {

    static final String NAME = "Startup work (demo data)";

    private final StartupWork work;

    StartupReadiness(StartupWork work) {
        this.work = work;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        var response = HealthCheckResponse.named(NAME).status(!work.loading()).withData("state", work.state().name())
                .withData("done", work.done()).withData("total", work.total());
        if (work.failure() != null) {
            response.withData("failure", work.failure());
        }
        return Uni.createFrom().item(response.build());
    }
}
