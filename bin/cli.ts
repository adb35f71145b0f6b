console.log("cli loaded", process.argv.slice(2))
