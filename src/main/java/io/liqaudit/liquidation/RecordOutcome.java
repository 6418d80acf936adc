package io.liqaudit.liquidation;

import io.liqaudit.recording.RecordStatus;

/**
 * What became of one submission: {@code CREATED} (a new row), {@code DUPLICATE} (the identical
 * event was already recorded; nothing written), or {@code CONFLICT} (the identity is recorded
 * with other content; nothing written, the attempt logged). {@code sequence} is the stored
 * event's log sequence in every case.
 */
public record RecordOutcome(RecordStatus status, long sequence) {
}
