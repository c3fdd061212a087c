package io.github.streamjpa.spring.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An MVC application using the starter as a user would: entities, a controller, properties. */
@SpringBootApplication
public class SampleApplication {}
