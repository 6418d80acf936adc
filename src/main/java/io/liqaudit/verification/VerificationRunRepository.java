package io.liqaudit.verification;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Verification runs through Panache; every method runs in the caller's reactive session (see VerificationRuns). */
@ApplicationScoped
public class VerificationRunRepository implements PanacheRepository<VerificationRun> {

    public Uni<List<VerificationRun>> mostRecent(int count) {
        return findAll(Sort.descending("id")).page(Page.ofSize(count)).list();
    }
}
