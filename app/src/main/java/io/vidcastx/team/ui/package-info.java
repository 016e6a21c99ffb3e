@NullMarked
package io.vidcastx.team.ui;

import org.jspecify.annotations.NullMarked;
