/** Java client for the Stream Feeds REST API v1.0. */
package io.github.streamjpa.core;
