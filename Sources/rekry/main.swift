import RekryCLI

RekryCommand.runFromCommandLine()
