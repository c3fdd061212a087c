/** Keeps JPA/Hibernate entities in sync with Stream activity feeds. */
package io.github.streamjpa.jpa;
