@NullMarked
package io.candor.platform.ids;

import org.jspecify.annotations.NullMarked;
