package dev.shortstack.shared.link;

public enum LinkState {
    ACTIVE, EXPIRED, DISABLED
}
