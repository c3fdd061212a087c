/**
 * Not API. Holds {@link io.github.streamjpa.jpa.internal.OutboxAccess}, the one public type here:
 * stream-jpa's entry point ({@code StreamJpa}) and its Hibernate glue ({@code
 * io.github.streamjpa.jpa.internal.hibernate}) live in other packages and reach the package-private
 * outbox engine through it. {@code internal.hibernate} makes public only the classes Hibernate
 * instantiates from {@code META-INF/services}: {@code StreamIntegrator}, {@code
 * RuntimeServiceContributor} and {@code OutboxMapping}. Nothing here is kept compatible between
 * releases.
 */
package io.github.streamjpa.jpa.internal;
