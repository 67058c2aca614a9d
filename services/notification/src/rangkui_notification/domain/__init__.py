"""Pure rules of notification: who is told what about which event, and the notice lifecycle."""
