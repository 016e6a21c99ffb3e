@NullMarked
package io.vidcastx.accounts.ui;

import org.jspecify.annotations.NullMarked;
