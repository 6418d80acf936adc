package io.liqaudit.reports;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Report runs through Panache; every method runs in the caller's reactive session. */
@ApplicationScoped
public class ReportRunRepository implements PanacheRepository<ReportRun> {

    /** Up to {@code count} runs with id below {@code beforeId} (null: the newest), newest first. */
    public Uni<List<ReportRun>> page(Long beforeId, int count) {
        return (beforeId == null ? findAll(Sort.descending("id")) : find("id < ?1", Sort.descending("id"), beforeId))
                .page(Page.ofSize(count)).list();
    }
}
