package dev.shortstack.emulators;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link EmulatedAws}, started once per test JVM and stopped when the JVM's test
 * run ends. When an emulator cannot start, every test that asks for one fails with the reason:
 * integration tests never skip silently.
 */
public final class EmulatorsExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatedAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(EmulatedAws.start(Optional.empty())), Running.class)
                .aws();
    }

    /** Closed by JUnit (an AutoCloseable in the root store) after the last test of the JVM. */
    private record Running(EmulatedAws aws) implements AutoCloseable {
        @Override
        public void close() {
            aws.close();
        }
    }
}
