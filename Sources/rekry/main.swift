import RekryCLI

RekryCommand.main()
