package com.newsapi.events;

import java.io.PrintStream;
import java.util.List;

/** The local API's event bus: prints each change event as one line, so developers see them. */
public final class PrintingSink implements EventSink {

    private final PrintStream out;

    public PrintingSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public int send(List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            out.println("event " + event.type() + " " + EventBridgeSink.detail(event));
        }
        return events.size();
    }
}
