namespace StompFunctions.Emulator.Filters;

/// <summary>One lexical token of a filter; <see cref="Text"/> is the decoded literal for strings.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position);
