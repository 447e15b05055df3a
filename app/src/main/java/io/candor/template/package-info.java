/**
 * Message templates: SMS, e-mail, letter texts and AI-agent scripts, approved only when the content linter finds
 * nothing (banned language, missing disclosures). Versions are append-only; strategy steps name templates by code.
 */
@NullMarked
@OwnsTables({"message_template"})
package io.candor.template;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
