package ca.calgary.representation.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Counts log lines that show a transaction outliving its timeout or a task lost mid-transaction
 * ({@code InvalidProducerEpochException}, {@code TaskMigratedException}, {@code ProducerFencedException},
 * transaction timeouts): a first load must hold none.
 */
final class TransactionTroubleCounter extends AppenderBase<ILoggingEvent> {

    private static final String[] SIGNS = {"InvalidProducerEpoch", "TaskMigrated", "ProducerFenced",
            "TransactionTimedOut", "transaction timeout", "Transaction timed out"};

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<String> first = new AtomicReference<>();

    static TransactionTroubleCounter attach() {
        TransactionTroubleCounter counter = new TransactionTroubleCounter();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        counter.setContext(root.getLoggerContext());
        counter.start();
        root.addAppender(counter);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(' ').append(cause.getMessage());
        }
        for (String sign : SIGNS) {
            if (text.indexOf(sign) >= 0) {
                count.incrementAndGet();
                first.compareAndSet(null, text.length() > 300 ? text.substring(0, 300) : text.toString());
                return;
            }
        }
    }

    int count() {
        return count.get();
    }

    /** The first such line, as a suffix for a report ("" when there was none). */
    String first() {
        return first.get() == null ? "" : " (first: " + first.get() + ")";
    }
}
