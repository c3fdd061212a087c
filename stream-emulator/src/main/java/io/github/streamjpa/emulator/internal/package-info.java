/**
 * The emulator's engine: HTTP handling, auth checks, feed state and its JSON views. Not an API;
 * anything here may change.
 */
package io.github.streamjpa.emulator.internal;
