import RekryCLI

await RekryCommand.main()
