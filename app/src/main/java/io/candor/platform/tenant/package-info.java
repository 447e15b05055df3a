@NullMarked
package io.candor.platform.tenant;

import org.jspecify.annotations.NullMarked;
