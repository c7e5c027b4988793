package org.bondtray.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The tests' name resolver: the platform's own, which also notes every name it was asked to
 * look up, so a test can show that some text never reached a name server.
 */
public final class RecordingResolver extends InetAddressResolverProvider {
    private static final List<String> LOOKUPS = new CopyOnWriteArrayList<>();

    /** The names looked up since the tests' JVM started, oldest first. */
    public static List<String> lookups() {
        return List.copyOf(LOOKUPS);
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver platform = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKUPS.add(host);
                return platform.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return platform.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "bondtray-tests-recording";
    }
}
