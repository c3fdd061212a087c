package io.github.streamjpa.spring.sample;

import org.springframework.test.context.TestPropertySource;

/** The sample application on H2 in memory. */
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
class SampleApplicationOnH2Test extends SampleApplicationTest {}
