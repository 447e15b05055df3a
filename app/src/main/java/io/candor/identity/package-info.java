/**
 * Identity and access: users per tenant with roles, form login for the UI (session + CSRF), bearer tokens
 * for the API (stored hashed, expiring, revocable), lockout after repeated failures. It also sets the
 * request's tenant for row-level security.
 */
@NullMarked
package io.candor.identity;

import org.jspecify.annotations.NullMarked;
