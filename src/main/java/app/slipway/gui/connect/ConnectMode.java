package app.slipway.gui.connect;

/** Where the stack lives: this computer's Docker, a server over SSH, several servers, or AWS ECS. */
public enum ConnectMode { LOCAL, SSH, FLEET, ECS }
