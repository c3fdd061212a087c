/**
 * A Pinterest-like demo of stream-jpa: people pin images to boards, follow each other and read
 * enriched timelines and notifications.
 *
 * <p>Packaged by feature: {@code people} (people, follows, signing in), {@code pins} (boards and
 * pins), {@code feeds} (profile and timelines), {@code notifications}, and {@code system} (seed
 * data, outbox status, error pages). Run it with {@code ./mvnw -pl stream-jpa-demo -am
 * spring-boot:run} and open http://localhost:8080.
 */
package io.github.streamjpa.demo;
