/**
 * The verdict stream (issue 20): each recorded event's verdict as a message, appended to the
 * transactional outbox in the recording transaction and taken from it by the relay that sends it
 * to Kafka. {@link io.liqaudit.verdicts.VerdictOutbox} is the one class that touches the outbox.
 */
package io.liqaudit.verdicts;
