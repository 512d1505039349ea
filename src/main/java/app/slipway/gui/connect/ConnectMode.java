package app.slipway.gui.connect;

/** Where the stack lives: this computer's Docker, or a server reached over SSH. */
public enum ConnectMode { LOCAL, SSH, FLEET }
