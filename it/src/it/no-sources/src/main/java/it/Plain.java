package it;

public class Plain {
}
