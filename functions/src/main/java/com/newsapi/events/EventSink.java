package com.newsapi.events;

import java.util.List;

/** Where change events go: EventBridge on AWS, the console in the local API. */
public interface EventSink {

    /**
     * Sends the events in order; returns how many of the first ones were delivered (all of them
     * on success), so the caller can retry from the first that was not.
     */
    int send(List<ChangeEvent> events);
}
