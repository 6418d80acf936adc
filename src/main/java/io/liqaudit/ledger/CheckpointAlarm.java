package io.liqaudit.ledger;

import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A checkpoint that fails verification is an integrity alarm: logged loudly, never served. */
public class CheckpointAlarm {

    private static final Logger LOG = Logger.getLogger(CheckpointAlarm.class);

    @ServerExceptionMapper(priority = 1)
    public Response unverifiable(Checkpoints.Unverifiable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("incident %s: INTEGRITY ALARM: %s", incident, e.getMessage());
        return ProblemResponses.of(Problem.of(500, "Integrity alarm", "A stored checkpoint fails verification and is not "
                + "served; the operators are alerted (incident " + incident + ")."));
    }
}
