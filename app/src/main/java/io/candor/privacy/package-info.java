/**
 * Personal data protection: field-level encryption (AES-256-GCM with key ids, ready for rotation), keyed
 * hashes for exact-match search without decryption, and masking by role.
 */
@NullMarked
package io.candor.privacy;

import org.jspecify.annotations.NullMarked;
