@NullMarked
package io.vidcastx.team;

import org.jspecify.annotations.NullMarked;
