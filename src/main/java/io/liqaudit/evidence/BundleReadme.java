package io.liqaudit.evidence;

/** The README of a bundle: what it holds and how to check it without trusting the service that made it. */
final class BundleReadme {

    private BundleReadme() {
    }

    static String text(String venue, String eventId, long sequence, long treeSize, String keyName, Long caseId) {
        return """
                Liquidation Audit — evidence bundle

                Event %s/%s, leaf %d of the tamper-evident log, proven against the signed checkpoint of tree size %d%s.

                Files
                  event.json            the event as the service serves it: the input as received, every recomputation
                                        (by engine version), the verdict, findings and log sequence
                  trace.json            the engine's account of the replay, step by step (formula, inputs, result)
                %s  inclusion-proof.json  the audit path from the event's leaf to the root of the tree of size %d (RFC 9162)
                  checkpoint.json       that root, signed (C2SP signed note)
                  public-key.json       the Ed25519 key "%s" the checkpoint is signed with
                  SHA256SUMS            the SHA-256 of each file above

                Check it, in one command (Java 17 and the service's release; nothing is fetched from the network):

                  java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" \\
                       io.liqaudit.evidence.BundleVerifier THIS-FILE.zip

                It checks that every file matches SHA256SUMS, that the event's content hashes to the proven leaf, that
                the proof leads to the root the checkpoint signs, that the signature verifies with the key, and it
                replays the event with the engine and compares the figures with the recomputation. It prints "valid: …"
                and exits 0, or "invalid: <what failed>" and exits 1. Without Java, `sha256sum -c SHA256SUMS` checks
                the files.

                The key in this bundle proves nothing by itself: compare it with the key the venue's service publishes
                (GET /api/v1/ledger/public-key) and with its published fingerprint. A later checkpoint can be shown to
                extend this one with GET /api/v1/ledger/proof/consistency?from=%d&to=<its size>.
                """.formatted(venue, eventId, sequence, treeSize,
                caseId == null ? "" : "; case #" + caseId,
                caseId == null ? "" : "  case.json             the case and its timeline (who did what, when) at export\n",
                treeSize, keyName, treeSize);
    }
}
