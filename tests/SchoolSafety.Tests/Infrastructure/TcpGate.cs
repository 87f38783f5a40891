using System.Net;
using System.Net.Sockets;

namespace SchoolSafety.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on a loopback port in front of a server. <see cref="Close"/> makes the server vanish as a stopped
/// one does for its clients: open connections are reset and new ones refused; <see cref="Open"/> brings it back on the
/// same port. Lets a test take the database away from a running application without stopping the shared test server.
/// </summary>
public sealed class TcpGate : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public TcpGate(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        if (_listener is not null) return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Close()
    {
        if (_listener is null) return;
        _stop!.Cancel();
        _listener.Stop();
        _listener = null;
        lock (_connections)
        {
            foreach (var c in _connections)
            {
                try { c.Client?.LingerState = new LingerOption(true, 0); } // RST, as a vanished server
                catch (ObjectDisposedException) { /* already closed by its other side */ }
                c.Dispose();
            }
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(_target, ct); }
            catch (Exception) { client.Dispose(); server.Dispose(); continue; }
            lock (_connections) { _connections.Add(client); _connections.Add(server); }
            _ = PipeAsync(client, server, ct);
            _ = PipeAsync(server, client, ct);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), ct); }
        catch (Exception) { /* closed by the gate or by either side */ }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public void Dispose() => Close();
}
