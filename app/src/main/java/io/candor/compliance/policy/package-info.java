/** Tenant and creditor policy layers on the shipped rule packs: versioned, effective-dated, audited. */
@NullMarked
@org.springframework.modulith.NamedInterface("policy")
package io.candor.compliance.policy;

import org.jspecify.annotations.NullMarked;
