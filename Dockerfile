# aro-rp: one image for every role (run, frontend, backend, local-cloud); the command picks the role.
#   docker build -t aro-rp .
#   docker run --rm -p 8443:8443 -e ARO_LISTEN_URL=https://0.0.0.0:8443 aro-rp run
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet restore src/Aro.Rp/Aro.Rp.csproj
RUN dotnet publish src/Aro.Rp/Aro.Rp.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# State (keys, development certificate, SQLite, the local cloud's file) lives in a volume, never in the image.
ENV ARO_DATA_DIR=/var/lib/aro \
    ARO_LOG_FORMAT=json
RUN mkdir -p /var/lib/aro && chown app /var/lib/aro
VOLUME /var/lib/aro
USER app
EXPOSE 8443 8444 8445
ENTRYPOINT ["dotnet", "aro-rp.dll"]
CMD ["run"]
