package io.liqaudit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/kafka-up.sh (issue 20, point 1) brings up a local Kafka broker in KRaft mode, resolved
 * from Maven Central through the Maven wrapper, and is idempotent: run again, it finds the broker
 * answering and does nothing. Streaming ingest itself is not built yet; this keeps the script true.
 */
class KafkaUpScriptTest {

    @Test
    void theScriptStartsABrokerOnceAndThenFindsItRunning() throws Exception {
        Result first = run();
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(answers("127.0.0.1", 9092)).isTrue();
        Result again = run();
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("a broker answers at 127.0.0.1:9092: nothing to do");
    }

    private record Result(int exit, String output) {
    }

    private static Result run() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "scripts/kafka-up.sh").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        return new Result(done ? p.exitValue() : -1, output);
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
