package io.liqaudit.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Case timelines through Panache: inserted and read, never changed. */
@ApplicationScoped
public class CaseEventRepository implements PanacheRepository<CaseEvent> {

    public Uni<List<CaseEvent>> timeline(long caseId) {
        return list("caseId", Sort.ascending("id"), caseId);
    }
}
