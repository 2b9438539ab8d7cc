package org.featureworkbench.writepath;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection that keeps the statements prepared on it: {@code prepareStatement(sql)} returns the
 * same statement for the same SQL, and closing that statement keeps it open. The record writer
 * runs every put on one connection, and H2 re-parsed the row lock's {@code SELECT … FOR UPDATE}
 * (not in its query cache) and the other statements on every call: a fifth of a put.
 *
 * <p>For one thread at a time, like the connection itself. Closing the connection closes the
 * kept statements.
 */
final class StatementCachingConnection implements InvocationHandler {
    private final Connection target;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private StatementCachingConnection(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new StatementCachingConnection(target));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            String sql = (String) args[0];
            PreparedStatement kept = statements.get(sql);
            if (kept == null) {
                kept = keep(target.prepareStatement(sql));
                statements.put(sql, kept);
            }
            return kept;
        }
        if (method.getName().equals("close")) {
            for (PreparedStatement ps : statements.values()) {
                ((KeptStatement) Proxy.getInvocationHandler(ps)).target.close();
            }
            statements.clear();
        }
        return call(target, method, args);
    }

    private static PreparedStatement keep(PreparedStatement target) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new KeptStatement(target));
    }

    /** A kept statement: {@code close()} only clears its parameters for the next use. */
    private record KeptStatement(PreparedStatement target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && (args == null || args.length == 0)) {
                target.clearParameters();
                return null;
            }
            if (method.getName().equals("isClosed") && (args == null || args.length == 0)) {
                return false;
            }
            return call(target, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
