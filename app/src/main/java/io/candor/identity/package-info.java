/**
 * Identity and access: users per tenant with roles, form login for the UI (session + CSRF), bearer tokens
 * for the API (stored hashed, expiring, revocable), lockout after repeated failures. It also sets the
 * request's tenant for row-level security.
 */
@NullMarked
@OwnsTables({"app_user", "api_token", "user_qualification"})
package io.candor.identity;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
