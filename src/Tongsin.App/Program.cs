using Tongsin.App;

return Cli.Run(args, CliConsole.FromProcess());
