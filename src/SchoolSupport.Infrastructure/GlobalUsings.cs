// Who sees what is asked everywhere: the one module that decides it is in scope in every file.
global using SchoolSupport.Infrastructure.Access;
