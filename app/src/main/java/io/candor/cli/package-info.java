/** The command line: subcommands that talk to a running Candor over its REST API, or compute locally. */
@NullMarked
package io.candor.cli;

import org.jspecify.annotations.NullMarked;
