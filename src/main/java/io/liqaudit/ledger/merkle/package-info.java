/**
 * RFC 6962 / RFC 9162 Merkle tree arithmetic, pure: hashes, roots, inclusion and consistency
 * proofs and their verification. Trees are read through {@link io.liqaudit.ledger.merkle.PerfectNodes},
 * the hashes of complete, aligned subtrees, so a proof needs O(log n) of them whatever the size.
 */
package io.liqaudit.ledger.merkle;
